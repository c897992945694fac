-- Organizations of the acts (tenants). Filled from the policy files at start-up; registries refer to it.
CREATE TABLE organization (
    id          VARCHAR(64)  PRIMARY KEY,
    short_name  VARCHAR(255) NOT NULL,
    name        VARCHAR(1000) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL
);
