#!/bin/sh
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), as the
# cluster's superuser: the roles of README "Database roles". The schema's owner is no superuser;
# the application's login is a member of passerelle_app and gets its privileges from the owner
# after every migration (src/config/database-roles.ts).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PASSERELLE_OWNER_PASSWORD" -v api_password="$PASSERELLE_API_PASSWORD" <<'SQL'
create role passerelle_owner login password :'owner_password' nosuperuser nocreatedb nocreaterole;
create role passerelle_app nologin;
create role passerelle_api login password :'api_password' nosuperuser nocreatedb nocreaterole inherit in role passerelle_app;
create database passerelle owner passerelle_owner;
revoke all on database passerelle from public;
grant connect on database passerelle to passerelle_app;
\connect passerelle
alter schema public owner to passerelle_owner;
revoke create on schema public from public;
SQL
