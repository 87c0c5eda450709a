-- The one deletion request that names each contribution. A second request for the same data is refused and
-- pointed at this one; the primary key makes that hold under concurrent requests. Rows already stored keep
-- their first request (by the time it was received).
create table contribution_deletion (
    contribution_root char(66) primary key references contribution,
    request_id        char(66) not null references deletion_request
);

insert into contribution_deletion (contribution_root, request_id)
select distinct on (named.contribution_root) named.contribution_root, named.request_id
from deletion_request_contribution named join deletion_request request using (request_id)
order by named.contribution_root, request.received_at, request.request_id;
