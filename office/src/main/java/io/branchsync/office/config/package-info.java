/** The office's configuration: keys, defaults, validation, secrets from the environment. */
package io.branchsync.office.config;
