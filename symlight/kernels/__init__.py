"""Code generation: interchangeable backends (NumPy, compiled) behind one interface, kernel cache."""
