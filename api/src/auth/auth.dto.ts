import { ApiProperty } from '@nestjs/swagger';
import { DIRECTORY_LIMITS, type LoginRequest } from '@samverka/contracts';
import { IsString, MaxLength } from 'class-validator';

export class LoginBody implements LoginRequest {
  @ApiProperty({ example: 'analytiker@exempelstad.se' }) @IsString() @MaxLength(DIRECTORY_LIMITS.email.max) email!: string;
  @ApiProperty() @IsString() @MaxLength(DIRECTORY_LIMITS.password.max) password!: string;
}
