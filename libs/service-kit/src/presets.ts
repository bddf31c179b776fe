// Channel options shared by every server and client: large enough messages for batched tensors,
// keepalive pings so idle streams (a long Train) survive proxies and load balancers.
import type { ChannelOptions } from '@grpc/grpc-js';

export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export const SERVER_OPTIONS: ChannelOptions = {
  // channelz bookkeeping costs time on every message of a stream; nothing here reads it
  'grpc.enable_channelz': 0,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
};

export const CLIENT_OPTIONS: ChannelOptions = {
  'grpc.enable_channelz': 0,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
};
