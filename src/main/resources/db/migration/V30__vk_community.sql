-- VK communities connected through the Callback API: the confirmation string VK asks for when the server
-- is added, and the community's secret key, which every event carries. The secret is stored encrypted
-- (AES-GCM, key from OTKLIK_SECRET_KEY), never in plain text. Portable between H2 and PostgreSQL.

CREATE TABLE vk_community (
    -- the community's id in VK (positive), the external id of its account in the registry of accounts
    group_id        BIGINT        PRIMARY KEY,
    -- the organization whose active account the community is; events are refused for any other
    organization_id VARCHAR(64)   NOT NULL REFERENCES organization (id),
    confirmation    VARCHAR(64)   NOT NULL,
    -- "v1:" + Base64(nonce || ciphertext || tag)
    secret_cipher   VARCHAR(1000) NOT NULL,
    updated_by      VARCHAR(128)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
