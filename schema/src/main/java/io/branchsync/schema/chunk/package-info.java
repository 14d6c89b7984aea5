/**
 * SQL chunks: the statements the office and the shops send each other, written as text and read
 * back through a strict grammar.
 *
 * <p>A chunk is SQL in the receiving database's dialect that {@code psql} or {@code mysql} could
 * run as it is, but the receiver never runs it. It reads each statement with {@link
 * io.branchsync.schema.chunk.SqlChunkParser} into the small value model of this package ({@link
 * io.branchsync.schema.chunk.Upsert}, {@link io.branchsync.schema.chunk.DeleteByKey}, {@link
 * io.branchsync.schema.chunk.CopyBlock} holding {@link io.branchsync.schema.chunk.SqlValue}s), and
 * the applier binds those values as parameters of its own statements. Literals are therefore data
 * from the start: a second statement hidden in a string cannot be smuggled through.
 *
 * <p>{@link io.branchsync.schema.chunk.SqlChunkWriter} writes exactly the grammar the parser
 * accepts; the parser adds only freedom of whitespace, {@code --} comments, keyword case and
 * identifier quoting. Everything else fails with a {@link
 * io.branchsync.schema.chunk.ChunkSyntaxException} naming the line and the beginning of the
 * statement.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * chunk     = { comment | statement }         blank lines and "-- ..." lines anywhere
 * upsert    = INSERT INTO name "(" names ")" VALUES row { "," row } clause ";"
 *   PostgreSQL clause: ON CONFLICT "(" keys ")" DO UPDATE SET c = EXCLUDED.c { "," ... }
 *                        (every non-key column exactly once)
 *                    | ON CONFLICT "(" all columns ")" DO NOTHING
 *   MySQL clause:      ON DUPLICATE KEY UPDATE c = VALUES(c) { "," ... }   (keys: the others)
 *                    | ON DUPLICATE KEY UPDATE k = k                        (all columns are keys)
 * delete    = DELETE FROM name WHERE key IN "(" value { "," value } ")" ";"
 *           | DELETE FROM name WHERE "(" k1 "," k2 ... ")" IN "(" row { "," row } ")" ";"
 * copy      = COPY name "(" names ")" FROM STDIN ";" newline { data line } "\." newline
 *                                                       (PostgreSQL, pg_dump text format)
 * row       = "(" value { "," value } ")"     exactly one value per column
 * value     = string | number | NULL | TRUE | FALSE | bytes
 * number    = -?digits(.digits)?([eE][+-]?digits)?
 * bytes     = '\xhh..'::bytea (PostgreSQL) | X'HH..' (MySQL)
 * name      = [A-Za-z_][A-Za-z0-9_]*, at most 64 characters, bare or in the dialect's quotes
 * </pre>
 *
 * <p>Keywords are case-insensitive; whitespace and {@code --} comments may stand between any two
 * tokens. A statement holds at most {@value ChunkStatement#MAX_ROWS} rows and {@value
 * ChunkStatement#MAX_COLUMNS} columns.
 *
 * <p>Nothing here touches JDBC; checking tables against the policy and applying belongs to the
 * caller.
 */
package io.branchsync.schema.chunk;
