"""Weyl symbols, Wigner transforms, Moyal star product and sine bracket to any order in hbar."""
