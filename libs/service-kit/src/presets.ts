// Channel options shared by every server and client: large enough messages for batched tensors.
// No keepalive pings on either side: servers cap connection age (connection-age.ts), and in grpc-js
// 1.14 a keepalive ping on a connection draining after that GOAWAY fails and drops the calls still
// on it (client: grpc/grpc-node#3068; the server's own ping does the same), so a Train or Session
// stream would be cut within one ping interval of its connection's age. Pods talk directly through
// headless Services, with no proxy whose idle timeout pings would have to beat.
import type { ChannelOptions } from '@grpc/grpc-js';

export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export const SERVER_OPTIONS: ChannelOptions = {
  // channelz bookkeeping costs time on every message of a stream; nothing here reads it
  'grpc.enable_channelz': 0,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  // clients do not ping (above), but tolerate a third-party client that does
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
};

export const CLIENT_OPTIONS: ChannelOptions = {
  'grpc.enable_channelz': 0,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
};
