/// The ranges of an endpoint's two numbers. `validate` and loading refuse a file with a number
/// outside them (naming its JSON path), and the endpoint form refuses to write one, so the
/// report, the details and the OpenAPI export only ever see a real status and a real limit.
/// 0 stays "not said" for both.
extension Endpoint {
    /// HTTP statuses: 1xx to 5xx.
    public static let successStatusRange = 100...599
    /// At least one item a page; the top is only there to catch a typo (a million a page).
    public static let pageSizeRange = 1...1_000_000

    /// Each number outside its range, as `(field, message)` with the field's key.
    public func numberProblems() -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        if successStatus != 0 && !Self.successStatusRange.contains(successStatus) {
            out.append(("successStatus", "endpoint \(id) has success status \(successStatus), which is not an HTTP status "
                + "(\(Self.successStatusRange.lowerBound) to \(Self.successStatusRange.upperBound); 0 when not said)"))
        }
        if pageSizeLimit != 0 && !Self.pageSizeRange.contains(pageSizeLimit) {
            out.append(("pageSizeLimit", "endpoint \(id) has page-size limit \(pageSizeLimit); a limit is "
                + "\(Self.pageSizeRange.lowerBound) to \(Self.pageSizeRange.upperBound) items a page (0 when there is none)"))
        }
        return out
    }
}
