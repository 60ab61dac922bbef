import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTORY_LIMITS, ROLES, type CreateUserRequest, type Role, type UpdateUserRequest } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { IsOmittable, lowerText } from '../common/validation';

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty() @IsString() @Length(DIRECTORY_LIMITS.userName.min, DIRECTORY_LIMITS.userName.max) name!: string;
  @ApiProperty() @Transform(lowerText) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(DIRECTORY_LIMITS.email.max) email!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must contain at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles!: Role[];
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(DIRECTORY_LIMITS.password.max)
  password!: string;
}

export class UpdateUserBody implements UpdateUserRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.userName.min, DIRECTORY_LIMITS.userName.max) name?: string;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(lowerText)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(DIRECTORY_LIMITS.email.max)
  email?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must contain at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles?: Role[];
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(DIRECTORY_LIMITS.password.max)
  password?: string;
}
