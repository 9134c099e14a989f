import TovholderCore

/// The field being edited and its editor (text, cursor, undo).
public struct FieldEditing: Equatable, Sendable {
    public var field: FieldRef
    public var editor: TextEditor
    public var view = FieldViewState()
    /// The text when the edit began: leaving with other text leaves a step for the form's undo.
    public var original: String
    public init(field: FieldRef, text: String) {
        self.field = field
        editor = TextEditor(text: text)
        original = text
    }
}
