// Original file: proto/rlprune/common/v1/common.proto


export interface GetInfoRequest {
}

export interface GetInfoRequest__Output {
}
