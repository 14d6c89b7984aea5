/** What the connected database says about its tables: columns, kinds, keys and foreign keys. */
package io.branchsync.schema.catalog;
