"""Configuration, selection and the engine that runs the rules over files."""
