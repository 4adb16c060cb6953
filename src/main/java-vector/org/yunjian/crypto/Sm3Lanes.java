package org.yunjian.crypto;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Sm3Kernel} with the JDK Vector API ({@code jdk.incubator.vector}): eight SM3 computations in the
 * eight 32-bit lanes of 256-bit vectors, the round function written once for all lanes — the technique of
 * GmSSL's AVX2 SM3. Compiled by its own javac execution (see pom.xml); loaded only through
 * {@link Sm3Kernel#vector()}; the round methods are generated code (one per round, constants folded in).
 */
final class Sm3Lanes implements Sm3Kernel {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;

    static {
        if (S.length() != LANES) {
            throw new IllegalStateException("unexpected vector shape");
        }
    }

    private final int[] w = new int[68 * LANES];
    private final int[] v = new int[8 * LANES];

    private static IntVector rotl(IntVector v, int n) {
        return v.lanewise(VectorOperators.LSHL, n).or(v.lanewise(VectorOperators.LSHR, 32 - n)); // ROL measured slower
    }

    private static IntVector xor(IntVector a, IntVector b) {
        return a.lanewise(VectorOperators.XOR, b);
    }

    private static IntVector at(int[] a, int word) {
        return IntVector.fromArray(S, a, word * LANES);
    }

    @Override
    public void compress(int[] state, int[] block) {
        // One round per method, straight-line code, passing only arrays. C2 on JDK 17 stops inlining the
        // Vector API calls of a method past its node budget (NodeCountInliningCutoff, reached at about one
        // round), and every vector operation left un-inlined allocates a box: with a round loop or several
        // rounds per method 35–93 KB were allocated per 8 blocks and it ran slower than the scalar code.
        // This layout still boxes a little (about 18 KB per 8 blocks, at the end of rounds 16–63) and ran
        // at 1.5x the scalar FastSm3 per CPU second on the build machine (docs/performance.md).
        int[] w = this.w;
        int[] v = this.v;
        System.arraycopy(block, 0, w, 0, 16 * LANES);
        for (int j = 16; j < 68; j++) {
            expand(w, j);
        }
        System.arraycopy(state, 0, v, 0, 8 * LANES);
        round0(v, w);
        round1(v, w);
        round2(v, w);
        round3(v, w);
        round4(v, w);
        round5(v, w);
        round6(v, w);
        round7(v, w);
        round8(v, w);
        round9(v, w);
        round10(v, w);
        round11(v, w);
        round12(v, w);
        round13(v, w);
        round14(v, w);
        round15(v, w);
        round16(v, w);
        round17(v, w);
        round18(v, w);
        round19(v, w);
        round20(v, w);
        round21(v, w);
        round22(v, w);
        round23(v, w);
        round24(v, w);
        round25(v, w);
        round26(v, w);
        round27(v, w);
        round28(v, w);
        round29(v, w);
        round30(v, w);
        round31(v, w);
        round32(v, w);
        round33(v, w);
        round34(v, w);
        round35(v, w);
        round36(v, w);
        round37(v, w);
        round38(v, w);
        round39(v, w);
        round40(v, w);
        round41(v, w);
        round42(v, w);
        round43(v, w);
        round44(v, w);
        round45(v, w);
        round46(v, w);
        round47(v, w);
        round48(v, w);
        round49(v, w);
        round50(v, w);
        round51(v, w);
        round52(v, w);
        round53(v, w);
        round54(v, w);
        round55(v, w);
        round56(v, w);
        round57(v, w);
        round58(v, w);
        round59(v, w);
        round60(v, w);
        round61(v, w);
        round62(v, w);
        round63(v, w);
        for (int i = 0; i < 8; i++) {
            xor(at(v, i), at(state, i)).intoArray(state, i * LANES);
        }
    }

    /** Message expansion of word j. */
    private static void expand(int[] w, int j) {
        IntVector x = xor(xor(at(w, j - 16), at(w, j - 9)), rotl(at(w, j - 3), 15));
        xor(xor(xor(x, rotl(x, 15)), rotl(x, 23)), xor(rotl(at(w, j - 13), 7), at(w, j - 6))).intoArray(w, j * LANES);
    }

    private static void round0(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(2043430169), 7);
        IntVector wj = at(w, 0);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 4)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round1(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-208106958), 7);
        IntVector wj = at(w, 1);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 5)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round2(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-416213915), 7);
        IntVector wj = at(w, 2);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 6)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round3(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-832427829), 7);
        IntVector wj = at(w, 3);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 7)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round4(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1664855657), 7);
        IntVector wj = at(w, 4);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 8)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round5(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(965255983), 7);
        IntVector wj = at(w, 5);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 9)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round6(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1930511966), 7);
        IntVector wj = at(w, 6);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 10)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round7(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-433943364), 7);
        IntVector wj = at(w, 7);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 11)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round8(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-867886727), 7);
        IntVector wj = at(w, 8);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 12)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round9(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1735773453), 7);
        IntVector wj = at(w, 9);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 13)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round10(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(823420391), 7);
        IntVector wj = at(w, 10);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 14)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round11(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1646840782), 7);
        IntVector wj = at(w, 11);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 15)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round12(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1001285732), 7);
        IntVector wj = at(w, 12);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 16)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round13(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-2002571463), 7);
        IntVector wj = at(w, 13);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 17)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round14(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(289824371), 7);
        IntVector wj = at(w, 14);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 18)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round15(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(579648742), 7);
        IntVector wj = at(w, 15);
        IntVector tt1 = xor(xor(a, b), c).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 19)));
        IntVector tt2 = xor(xor(e, f), g).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round16(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1651869049), 7);
        IntVector wj = at(w, 16);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 20)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round17(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(991229199), 7);
        IntVector wj = at(w, 17);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 21)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round18(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1982458398), 7);
        IntVector wj = at(w, 18);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 22)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round19(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-330050500), 7);
        IntVector wj = at(w, 19);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 23)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round20(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-660100999), 7);
        IntVector wj = at(w, 20);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 24)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round21(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1320201997), 7);
        IntVector wj = at(w, 21);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 25)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round22(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1654563303), 7);
        IntVector wj = at(w, 22);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 26)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round23(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-985840690), 7);
        IntVector wj = at(w, 23);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 27)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round24(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1971681379), 7);
        IntVector wj = at(w, 24);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 28)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round25(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(351604539), 7);
        IntVector wj = at(w, 25);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 29)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round26(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(703209078), 7);
        IntVector wj = at(w, 26);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 30)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round27(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1406418156), 7);
        IntVector wj = at(w, 27);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 31)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round28(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1482130984), 7);
        IntVector wj = at(w, 28);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 32)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round29(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1330705329), 7);
        IntVector wj = at(w, 29);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 33)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round30(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1633556638), 7);
        IntVector wj = at(w, 30);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 34)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round31(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1027854021), 7);
        IntVector wj = at(w, 31);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 35)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round32(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(2055708042), 7);
        IntVector wj = at(w, 32);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 36)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round33(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-183551212), 7);
        IntVector wj = at(w, 33);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 37)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round34(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-367102423), 7);
        IntVector wj = at(w, 34);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 38)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round35(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-734204845), 7);
        IntVector wj = at(w, 35);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 39)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round36(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1468409689), 7);
        IntVector wj = at(w, 36);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 40)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round37(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1358147919), 7);
        IntVector wj = at(w, 37);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 41)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round38(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1578671458), 7);
        IntVector wj = at(w, 38);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 42)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round39(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1137624381), 7);
        IntVector wj = at(w, 39);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 43)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round40(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-2019718534), 7);
        IntVector wj = at(w, 40);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 44)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round41(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(255530229), 7);
        IntVector wj = at(w, 41);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 45)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round42(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(511060458), 7);
        IntVector wj = at(w, 42);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 46)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round43(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1022120916), 7);
        IntVector wj = at(w, 43);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 47)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round44(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(2044241832), 7);
        IntVector wj = at(w, 44);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 48)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round45(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-206483632), 7);
        IntVector wj = at(w, 45);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 49)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round46(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-412967263), 7);
        IntVector wj = at(w, 46);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 50)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round47(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-825934525), 7);
        IntVector wj = at(w, 47);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 51)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round48(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1651869049), 7);
        IntVector wj = at(w, 48);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 52)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round49(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(991229199), 7);
        IntVector wj = at(w, 49);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 53)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round50(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1982458398), 7);
        IntVector wj = at(w, 50);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 54)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round51(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-330050500), 7);
        IntVector wj = at(w, 51);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 55)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round52(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-660100999), 7);
        IntVector wj = at(w, 52);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 56)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round53(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1320201997), 7);
        IntVector wj = at(w, 53);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 57)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round54(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1654563303), 7);
        IntVector wj = at(w, 54);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 58)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round55(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-985840690), 7);
        IntVector wj = at(w, 55);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 59)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round56(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1971681379), 7);
        IntVector wj = at(w, 56);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 60)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round57(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(351604539), 7);
        IntVector wj = at(w, 57);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 61)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round58(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(703209078), 7);
        IntVector wj = at(w, 58);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 62)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round59(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1406418156), 7);
        IntVector wj = at(w, 59);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 63)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round60(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1482130984), 7);
        IntVector wj = at(w, 60);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 64)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round61(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1330705329), 7);
        IntVector wj = at(w, 61);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 65)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round62(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(-1633556638), 7);
        IntVector wj = at(w, 62);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 66)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }

    private static void round63(int[] v, int[] w) {
        IntVector a = at(v, 0);
        IntVector b = at(v, 1);
        IntVector c = at(v, 2);
        IntVector e = at(v, 4);
        IntVector f = at(v, 5);
        IntVector g = at(v, 6);
        IntVector a12 = rotl(a, 12);
        IntVector ss1 = rotl(a12.add(e).add(1027854021), 7);
        IntVector wj = at(w, 63);
        IntVector tt1 = a.and(b).or(c.and(a.or(b))).add(at(v, 3)).add(xor(ss1, a12)).add(xor(wj, at(w, 67)));
        IntVector tt2 = xor(g, e.and(xor(f, g))).add(at(v, 7)).add(ss1).add(wj);
        c.intoArray(v, 3 * LANES);
        rotl(b, 9).intoArray(v, 2 * LANES);
        a.intoArray(v, LANES);
        tt1.intoArray(v, 0);
        g.intoArray(v, 7 * LANES);
        rotl(f, 19).intoArray(v, 6 * LANES);
        e.intoArray(v, 5 * LANES);
        xor(xor(tt2, rotl(tt2, 9)), rotl(tt2, 17)).intoArray(v, 4 * LANES);
    }
}
