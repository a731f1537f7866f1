#!/usr/bin/env bash
# Creates one database per care service, each owned by its own login role with its own password.
#
# The postgres image runs this once, on the first start with an empty data volume, as the
# superuser over the local socket, before the server accepts TCP connections. Passwords come from
# the container environment (INTAKE_DB_PASSWORD, MATCHING_DB_PASSWORD, BILLING_DB_PASSWORD,
# REPORTING_DB_PASSWORD), the same variables that compose.yaml hands to each service.
# Changing them later does not re-run this script: ALTER ROLE ... PASSWORD, or start over with
# `docker compose down -v`.
#
# The image executes this file when it is executable and sources it otherwise, so it sets no shell
# options and calls no `exit`: both would leak into the image's own entrypoint when sourced.
#
# Outside the container (an external PostgreSQL), run it with the server in DOLBOM_INIT_PGHOST and
# the usual libpq variables (PGPORT, PGPASSWORD), an administrative role in POSTGRES_USER and the four
# passwords, e.g.:
#   DOLBOM_INIT_PGHOST=db.example.internal POSTGRES_USER=admin PGPASSWORD=... \
#   INTAKE_DB_PASSWORD=... MATCHING_DB_PASSWORD=... BILLING_DB_PASSWORD=... REPORTING_DB_PASSWORD=... \
#     deploy/compose/postgres-init/01-databases.sh

dolbom_create_service_database() {
	local name="$1"
	local password_var="$2"
	local password="${!password_var:-}"
	if [ -z "$password" ]; then
		echo >&2 "01-databases.sh: $password_var is not set; refusing to create role $name without a password"
		return 1
	fi
	echo "01-databases.sh: creating role and database $name"
	# psql substitutes :"name" as a quoted identifier and :'password' as a quoted literal,
	# so nothing from the environment is spliced into SQL text unescaped.
	# Inside the container: the local socket, whatever PGHOST says (as the image's own entrypoint does).
	PGHOST="${DOLBOM_INIT_PGHOST:-}" PGHOSTADDR='' psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc \
		--username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
		--set=name="$name" --set=password="$password" <<-'SQL'
		CREATE ROLE :"name" LOGIN PASSWORD :'password';
		CREATE DATABASE :"name" OWNER :"name" ENCODING 'UTF8';
		-- Nothing shared: only the owner (and the superuser) may connect to a service's database.
		REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
	SQL
}

dolbom_create_service_databases() {
	dolbom_create_service_database intake INTAKE_DB_PASSWORD || return 1
	dolbom_create_service_database matching MATCHING_DB_PASSWORD || return 1
	dolbom_create_service_database billing BILLING_DB_PASSWORD || return 1
	dolbom_create_service_database reporting REPORTING_DB_PASSWORD || return 1
}

# Last command of the file: its failure fails the container's initialisation, executed or sourced.
dolbom_create_service_databases
