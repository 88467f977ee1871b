-- Agents' SIP phone accounts (issue 12): the registrar has one realm, so a SIP user name is unique
-- on the whole platform. Only the digest secret HA1 = MD5(username:realm:password) is kept, never
-- the password; changing the realm (outdial.telephony.sip.realm) means setting passwords again.
create table agent_phone (
    user_id      bigint      not null primary key references app_user (id),
    business_id  bigint      not null references business (id),
    sip_username varchar(64) not null,
    ha1          varchar(32) not null,
    realm        varchar(64) not null,
    updated_at   timestamp with time zone not null,
    constraint agent_phone_sip_username_unique unique (sip_username)
);

create index agent_phone_business on agent_phone (business_id);
