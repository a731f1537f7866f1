/** Care orders (돌봄 오더) as the integrated window owns them: lines, providers, history. */
@NullMarked
package kr.dolbom.intake.order;

import org.jspecify.annotations.NullMarked;
