-- Flowstage schema, version 1. The same text runs on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Every statement is idempotent (IF NOT EXISTS): H2 commits DDL as it goes, so a script that
-- stopped half-way is simply run again. Statements end with a semicolon at the end of a line.
-- Instants are TIMESTAMP WITH TIME ZONE (microseconds); JSON is TEXT; case-insensitive
-- uniqueness uses *_lower columns that the stores fill with Java's lower case (Locale.ROOT).

CREATE TABLE IF NOT EXISTS flowstage_executions (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    flow_slug VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flowstage_executions_expires_at ON flowstage_executions (expires_at);

CREATE TABLE IF NOT EXISTS flowstage_users (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    username VARCHAR(255) NOT NULL,
    username_lower VARCHAR(255) NOT NULL,
    email VARCHAR(320) NOT NULL,
    email_lower VARCHAR(320),
    name VARCHAR(255) NOT NULL,
    active BOOLEAN NOT NULL,
    superuser BOOLEAN NOT NULL,
    password_hash VARCHAR(1024),
    attributes TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS flowstage_users_username_lower ON flowstage_users (username_lower);
-- NULL when the user has no email address: several users may have none
CREATE UNIQUE INDEX IF NOT EXISTS flowstage_users_email_lower ON flowstage_users (email_lower);

CREATE TABLE IF NOT EXISTS flowstage_user_groups (
    user_id VARCHAR(255) NOT NULL REFERENCES flowstage_users (id) ON DELETE CASCADE,
    group_name VARCHAR(255) NOT NULL,
    PRIMARY KEY (user_id, group_name)
);
CREATE INDEX IF NOT EXISTS flowstage_user_groups_group_name ON flowstage_user_groups (group_name);

CREATE TABLE IF NOT EXISTS flowstage_tokens (
    hash VARCHAR(128) NOT NULL PRIMARY KEY,
    purpose VARCHAR(100) NOT NULL,
    flow_slug VARCHAR(255) NOT NULL,
    execution_id VARCHAR(64),
    stage_name VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data TEXT NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS flowstage_tokens_expires_at ON flowstage_tokens (expires_at);

CREATE TABLE IF NOT EXISTS flowstage_invitations (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    token_hash VARCHAR(128) NOT NULL,
    expires TIMESTAMP WITH TIME ZONE,
    single_use BOOLEAN NOT NULL,
    fixed_data TEXT NOT NULL,
    flow_slug VARCHAR(255),
    created_by VARCHAR(255) NOT NULL
);
CREATE INDEX IF NOT EXISTS flowstage_invitations_token_hash ON flowstage_invitations (token_hash);

CREATE TABLE IF NOT EXISTS flowstage_devices (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    name VARCHAR(255) NOT NULL,
    confirmed BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flowstage_devices_user_id ON flowstage_devices (user_id);

CREATE TABLE IF NOT EXISTS flowstage_documents (
    name VARCHAR(255) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    content TEXT NOT NULL
);
