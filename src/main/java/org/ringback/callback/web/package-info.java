/** The callback's JSON representation is part of the module's API: intake answers with it too. */
@org.springframework.modulith.NamedInterface("web")
package org.ringback.callback.web;
