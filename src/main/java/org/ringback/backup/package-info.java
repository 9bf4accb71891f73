/**
 * The {@code backup} and {@code restore} commands: the whole database in one consistent file, and that file
 * brought back into an empty database.
 */
package org.ringback.backup;
