/**
 * The benchmark command: BranchSync's provisioning, incremental and idle syncs, change-capture
 * cost, office memory and a fleet sync, each measured beside the tool a user would otherwise pick
 * (pg_dump or mysqldump piped into psql or mysql, a plain JDBC load, no triggers) on the same
 * database servers in the same run. See {@code docs/benchmarks.md}.
 */
package io.branchsync.bench;
