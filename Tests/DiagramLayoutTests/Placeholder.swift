// Tests for this layer live beside this file.
import Testing
