"""The SQLite store (plantui.db): ``schema`` opens and migrates it, ``write`` puts a parsed
document in, ``read`` gives documents, targets and names back. Search lives in plantui.search;
plantui.db re-exports these names for the rest of plantui."""
