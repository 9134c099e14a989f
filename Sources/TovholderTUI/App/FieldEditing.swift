import TovholderCore

/// The field being edited and its editor (text, cursor, undo).
public struct FieldEditing: Equatable, Sendable {
    public var field: FieldRef
    public var editor: TextEditor
    public var view = FieldViewState()
    public init(field: FieldRef, text: String) {
        self.field = field
        editor = TextEditor(text: text)
    }
}
