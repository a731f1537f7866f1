-- 연계 제안: the offers of a district's month, by what became of them, and how long the accepted ones waited.
-- An offer counts in the month it was made; its answer in the month of the answer.
create table kpi.offer_month (
    district          text   not null,
    month             date   not null,
    offered           bigint not null default 0,
    accepted          bigint not null default 0,
    declined          bigint not null default 0,
    expired           bigint not null default 0,
    withdrawn         bigint not null default 0,
    -- seconds from offer to acceptance, summed over the month's acceptances (their mean is this / accepted)
    seconds_to_accept bigint not null default 0,
    primary key (district, month)
);
