/// PostgreSQL keywords that cannot be used as a bare identifier everywhere: the reserved ones
/// and those reserved as column or type/function names (PostgreSQL 17, Appendix C). The
/// unreserved keywords are fine as bare names and are not listed. The tests check this list
/// against the parser's own (`pglast.keywords`).
enum PostgresKeywords {
    static let needQuoting: Set<String> = [
        // reserved
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
        "unique", "user", "using", "variadic", "when", "where", "window", "with",
        // reserved, may be a function or type name
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
        "right", "similar", "tablesample", "verbose",
        // non-reserved, but not a function or type name
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
        "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
        "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
        "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
        "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
        "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
        "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
        "xmlserialize", "xmltable",
    ]
}
