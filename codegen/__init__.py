"""Generated standalone kernels (committed) and the registry of what ``symlight codegen`` builds.

``GENERATORS`` maps a model name to ``"module:function"``; the function takes
``(out_dir: pathlib.Path, backend: str)`` and returns the list of files it wrote.
The modules themselves live in ``codegen/generated/`` and import only NumPy.
"""

GENERATORS: dict[str, str] = {
    "driven_dipole_pair": "symlight.kernels.standalone:write_driven_dipole_pair",
}
