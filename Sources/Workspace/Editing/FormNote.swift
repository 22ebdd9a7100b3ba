extension Form {
    /// A note under a form field: a computed value (`= 38.6 /s`), a hint, or an error with the
    /// column it points at in the field's text.
    public struct Note: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case value, hint, error }
        public var text: String
        public var kind: Kind
        /// 1-based character column in the field's text the note points at (an error's place).
        public var column: Int?

        public init(_ text: String, _ kind: Kind = .value, column: Int? = nil) {
            self.text = text
            self.kind = kind
            self.column = column
        }
    }
}
