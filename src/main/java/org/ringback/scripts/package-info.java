/**
 * The scripts library: approved language per category × situation × language, editable by managers,
 * linted so unattended messages stay generic, and rendered with placeholders. The public API is
 * {@link org.ringback.scripts.ScriptLibrary}, {@link org.ringback.scripts.Situation},
 * {@link org.ringback.scripts.ScriptKey} and {@link org.ringback.scripts.Script}.
 */
package org.ringback.scripts;
