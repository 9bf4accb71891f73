package org.ringback.identity;

/** A principal that stands for a Ringback user, however they signed in (password or single sign-on). */
interface SignedInUser {

    CurrentUser user();
}
