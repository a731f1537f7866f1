/**
 * What every service's domain code may use from the platform: plain Java, no framework, no HTTP.
 */
package kr.dolbom.platform.domain;
