/** Bearer tokens for the tools that call the services: the quick tour, the end-to-end tests, the benchmark. */
@NullMarked
package kr.dolbom.tokens;

import org.jspecify.annotations.NullMarked;
