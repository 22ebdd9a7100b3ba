import Foundation
import TextUI

/// The colour theme, as the run loop needs it: a table for the backend and `:theme NAME`.
public protocol ThemeSwitching {
    var current: String { get }
    /// Why the last `select` could not be remembered (the switch itself worked).
    var saveError: String? { get }
    func colors(depth: ColorDepth) -> [Role: RoleColors]
    /// Switches to a theme; throws (leaving the current one) when it cannot be used.
    mutating func select(_ name: String) throws
}

/// Where the crash handler finds the recovery copy to write if the process dies on a fault.
public protocol CrashKeeping: AnyObject {
    /// From now on a crash writes `data` to `recoveryPath`.
    func keep(_ data: Data, recoveryPath: String)
    /// Nothing to keep any more (the document is saved, or the session is over).
    func forget()
}
