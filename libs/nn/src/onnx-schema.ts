// The part of the ONNX protobuf schema that an exported policy uses, loaded with protobufjs.
//
// Messages, field names and field numbers are those of onnx/onnx.proto3 (github.com/onnx/onnx, the
// ONNX Project Contributors, MIT licence), written out here for only the fields the exporter sets:
// ModelProto, OperatorSetIdProto, StringStringEntryProto, GraphProto, NodeProto, AttributeProto,
// ValueInfoProto, TypeProto(.Tensor), TensorShapeProto(.Dimension) and TensorProto. A field left out
// of a subset is simply absent on the wire, so any ONNX reader parses what this writes. The models
// target IR version 8 (ONNX 1.12, the release that introduced opset 17).
import protobuf from 'protobufjs';

const ONNX_SUBSET_PROTO = `
syntax = "proto3";
package onnx;

message AttributeProto {
  enum AttributeType {
    UNDEFINED = 0;
    FLOAT = 1;
    INT = 2;
  }
  string name = 1;
  AttributeType type = 20;
  float f = 2;
  int64 i = 3;
}

message ValueInfoProto {
  string name = 1;
  TypeProto type = 2;
  string doc_string = 3;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  string domain = 7;
  repeated AttributeProto attribute = 5;
  string doc_string = 6;
}

message ModelProto {
  int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  string producer_name = 2;
  string producer_version = 3;
  string domain = 4;
  int64 model_version = 5;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}

message StringStringEntryProto {
  string key = 1;
  string value = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}

message TensorProto {
  enum DataType {
    UNDEFINED = 0;
    FLOAT = 1;
  }
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  string doc_string = 12;
  bytes raw_data = 9;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    int32 elem_type = 1;
    TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}

message OperatorSetIdProto {
  string domain = 1;
  int64 version = 2;
}
`;

/** ModelProto.ir_version of exported models: IR version 8 (ONNX 1.12). */
export const ONNX_IR_VERSION = 8;
/** Version of the default ("ai.onnx") operator set the graphs use. */
export const ONNX_OPSET = 17;
/** TensorProto.DataType.FLOAT: every tensor of an exported policy is float32. */
export const ONNX_FLOAT = 1;
/** AttributeProto.AttributeType.INT. */
export const ONNX_ATTRIBUTE_INT = 2;

let root: protobuf.Root | null = null;

/** The onnx.ModelProto message type (parsed once). */
export function onnxModelType(): protobuf.Type {
  root ??= protobuf.parse(ONNX_SUBSET_PROTO, { keepCase: true }).root;
  return root.lookupType('onnx.ModelProto');
}
