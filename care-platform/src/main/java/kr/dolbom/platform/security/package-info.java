/**
 * Who is calling. {@link kr.dolbom.platform.security.Caller} and {@link kr.dolbom.platform.security.CareRole} are
 * plain Java, so that each service's access policies are plain Java too; the rest turns a bearer token into a
 * caller, and is off until a service sets {@code dolbom.security.enabled=true}.
 */
@NullMarked
package kr.dolbom.platform.security;

import org.jspecify.annotations.NullMarked;
