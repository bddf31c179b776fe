// Original file: proto/rlprune/attacker/v1/attacker.proto


export interface DescribeRequest {
}

export interface DescribeRequest__Output {
}
