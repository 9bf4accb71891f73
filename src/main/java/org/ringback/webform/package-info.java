/**
 * The patient web form: a public page per practice ({@code /p/{slug}/callback}) where a patient asks for a
 * callback, in English or Spanish. Submissions go through intake like every other channel. The public API is
 * {@link org.ringback.webform.WebForms}.
 */
package org.ringback.webform;
