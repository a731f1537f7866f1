-- 서비스 제공 중: an order is IN_PROGRESS from its first delivery, and still open.
drop index care_order_open_by_district;
create index care_order_open_by_district on care_order (district, status)
    where status in ('PLACED', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD');
