"""khabar's hand-written C extensions (``khabar._native.C_EXTENSIONS``), one ``NAME.c`` each.

Nothing here is imported directly: a module that has a C twin asks
``khabar._native.c_extension("khabar._c.NAME")`` once, and runs its pure-Python code when the
answer is None (a pure install, ``KHABAR_PURE=1``, or a stale build). Both give the same results;
each extension's tests compare them on random and real text.
"""
