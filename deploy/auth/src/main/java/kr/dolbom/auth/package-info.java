/** The local stack's token issuer: demo identities for every role, never used in production. */
@NullMarked
package kr.dolbom.auth;

import org.jspecify.annotations.NullMarked;
