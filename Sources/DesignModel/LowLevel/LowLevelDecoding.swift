// Endpoints and entities are often written by hand in the design file, so decoding asks only
// for what identifies them (an id and a method, an id and a name, a field's name …) and fills
// the rest with the defaults a new item gets. Saving writes every key, so `fmt` completes a
// hand-written item and a file sysdraft wrote reads back byte for byte.

extension KeyedDecodingContainer {
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
