// The grammar of Chan (../shared/LANGUAGE.md). No actions: the interpreter's builder walks the tree
// through the generated visitor and reads the labels (`cond=expr`) to find the parts of each construct.
grammar Chan;

program     : topDecl* EOF ;

topDecl     : importDecl | structDecl | funcDecl | statement ;

importDecl  : IMPORT (modName=IDENT | path=STRING) (AS alias=(IDENT | IN | AFTER))? ';' ;
structDecl  : STRUCT structName=IDENT '{' (fields+=(IDENT | IN | AFTER) (',' fields+=(IDENT | IN | AFTER))* ','?)? '}' ;
funcDecl    : FN fnName=(IDENT | IN | AFTER) '(' params? ')' ('->' ret=typeName)? block ;
params      : param (',' param)* ','? ;
param       : name ((':' typeName) | ATOM ('.' member=IDENT)?)? ;   // `a: int`; `a:int` lexes as IDENT ATOM, `a:sync.Mutex` as IDENT ATOM '.' IDENT
typeName    : (module=IDENT '.')? IDENT | FN | NIL | STRUCT ;   // the names type(v) returns (`fn`, `nil`, `struct` are keywords too), or an imported struct, `sync.Mutex`

block       : '{' statement* '}' ;

statement
    : LET pattern '=' expr ';'                                        # letStmt
    | CONST name '=' expr ';'                                         # constStmt
    | target=expr op=('=' | '+=' | '-=' | '*=' | '/=' | '%=') value=expr ';'   # assignStmt
    | ifStatement                                                     # ifStmt
    | WHILE '(' cond=expr ')' body=block                              # whileStmt
    | FOR '(' pattern IN iter=expr ')' body=block                     # forStmt
    | BREAK ';'                                                       # breakStmt
    | CONTINUE ';'                                                    # continueStmt
    | RETURN expr? ';'                                                # returnStmt
    | THROW expr ';'                                                  # throwStmt
    | TRY body=block CATCH '(' name ')' handler=block                 # tryStmt
    | MATCH '(' subject=expr ')' '{' matchArm* '}'                    # matchStmt
    | CHOOSE '{' chooseOption* '}'                                    # chooseStmt
    | PRICHOOSE '{' chooseOption* '}'                                 # priChooseStmt
    | channel=expr RECV value=expr ';'                                # sendStmt
    | block                                                           # blockStmt
    | expr ';'                                                        # exprStmt
    | ';'                                                             # emptyStmt
    ;

ifStatement : IF '(' cond=expr ')' then=block (ELSE (elseIf=ifStatement | elseBlock=block))? ;

matchArm    : pattern (IF guard=expr)? '=>' body=statement ','? ;

chooseOption
    : OPTION (WHEN '(' guard=expr ')')? chooseComm ':' block
    ;
chooseComm
    : (pattern '=')? RECV channel=expr                                # recvComm
    | (pattern '=')? RECV_STATUS channel=expr                         # recvStatusComm
    | channel=expr RECV value=expr                                    # sendComm
    | AFTER '(' delay=expr ')'                                        # afterComm
    | DEFAULT                                                         # defaultComm
    | FOR '(' var=name IN channels=expr ')' (pattern '=')? op=(RECV | RECV_STATUS) name   # replicatedRecvComm
    ;

pattern
    : name                                                            # bindPattern
    | literal                                                         # literalPattern
    | '-' (INT | FLOAT)                                               # negativePattern
    | '(' ')'                                                         # emptyTuplePattern
    | '(' pattern ',' ')'                                             # singleTuplePattern
    | '(' pattern (',' pattern)+ ','? ')'                             # tuplePattern
    | '(' pattern ')'                                                 # parenPattern
    | '[' (pattern (',' pattern)* (',' '...' rest=name)? | '...' rest=name)? ']'   # listPattern
    | (module=IDENT '.')? structName=IDENT '{' (fieldPattern (',' fieldPattern)* ','?)? '}'   # structPattern
    | '^' name                                                        # pinPattern
    ;
fieldPattern : name (':' pattern | glued=ATOM)? ;     // `x:y` lexes as IDENT ATOM: the field x bound to y

expr
    : postfix                                                         # postfixExpr
    | op=('!' | '-' | '~') expr                                       # unaryExpr
    | RECV expr                                                       # recvExpr
    | RECV_STATUS expr                                                # recvStatusExpr
    | left=expr op=('*' | '/' | '%') right=expr                       # binaryExpr
    | left=expr op=('+' | '-') right=expr                             # binaryExpr
    | left=expr op=('<<' | '>>') right=expr                           # binaryExpr
    | left=expr op='&' right=expr                                     # binaryExpr
    | left=expr op='^' right=expr                                     # binaryExpr
    | left=expr op='|' right=expr                                     # binaryExpr
    | left=expr op=('<' | '<=' | '>' | '>=') right=expr               # binaryExpr
    | left=expr op=('==' | '!=') right=expr                           # binaryExpr
    | left=expr op='&&' right=expr                                    # andExpr
    | left=expr op='||' right=expr                                    # orExpr
    | START (ON '(' core=expr ')')? (block | call=postfix)            # startExpr
    ;

postfix
    : primary                                                         # primaryPostfix
    | postfix '(' args? ')'                                           # callPostfix
    | postfix '[' index=expr ']'                                      # indexPostfix
    | postfix '.' name                                                # fieldPostfix
    | postfix WITH '{' fieldInit (',' fieldInit)* ','? '}'            # withPostfix
    ;
args        : expr (',' expr)* ','? ;

primary
    : literal                                                         # literalPrimary
    | name                                                            # namePrimary
    // `()`, `(e)`, `(e,)` and `(e1, e2, …)` in one alternative, told apart by the compiler
    // (ExpressionCompiler.parenthesized): as four, the parser had to look past each `(`'s whole
    // contents to choose, quadratic in the nesting (parentheses 10 000 deep took 18 s).
    | '(' (expr (',' expr)* trailing=','?)? ')'                       # parenPrimary
    | '[' (expr (',' expr)* ','?)? ']'                                # listPrimary
    | '{' (mapEntry (',' mapEntry)* ','?)? '}'                        # mapPrimary
    | (module=IDENT '.')? structName=IDENT '{' (fieldInit (',' fieldInit)* ','?)? '}'   # structPrimary
    | FN '(' params? ')' ('->' ret=typeName)? (body=block | '=>' value=expr)   # lambdaPrimary
    ;
mapEntry    : key=expr '=>' value=expr ;
fieldInit   : name (':' expr | glued=ATOM) ;         // `x:y` lexes as IDENT ATOM: the field x set to y

literal     : INT | FLOAT | STRING | ATOM | TRUE | FALSE | NIL ;

// `in` is a keyword of `for`, but the contract also uses it as a channel name (`<-in`); `after` is a
// keyword of `choose` and also the built-in `after(n)`. So both are names wherever a variable, a
// function, a struct field or an import's alias is declared or used (funcDecl, structDecl, importDecl).
name        : IDENT | IN | AFTER ;

// ---- lexer ----
IMPORT : 'import' ;  AS : 'as' ;  STRUCT : 'struct' ;  FN : 'fn' ;  LET : 'let' ;  CONST : 'const' ;
IF : 'if' ;  ELSE : 'else' ;  WHILE : 'while' ;  FOR : 'for' ;  IN : 'in' ;  BREAK : 'break' ;
CONTINUE : 'continue' ;  RETURN : 'return' ;  START : 'start' ;  ON : 'on' ;  CHOOSE : 'choose' ;
PRICHOOSE : 'prichoose' ;  OPTION : 'option' ;  WHEN : 'when' ;  DEFAULT : 'default' ;
AFTER : 'after' ;  MATCH : 'match' ;  TRY : 'try' ;  CATCH : 'catch' ;  THROW : 'throw' ;
WITH : 'with' ;  TRUE : 'true' ;  FALSE : 'false' ;  NIL : 'nil' ;

RECV_STATUS : '<-?' ;
RECV        : '<-' ;          // prefix: receive; infix (statement or option): send

IDENT  : [A-Za-z_] [A-Za-z0-9_]* ;
ATOM   : ':' [A-Za-z_] [A-Za-z0-9_]* ;
// `1.e5` is a float, as in Go, C and Python (docs/language.md, Numbers); `1.` alone is not one.
FLOAT  : DIGITS '.' DIGITS EXPONENT? | DIGITS '.'? EXPONENT ;
// Numbers lex loosely, as Go's scanner reads them, so that a literal is one token and its error names
// it (Literals.badNumber): a prefix without digits (`0x`), a binary or octal digit out of range
// (`0b12`), a `_` that does not stand between two digits or after the prefix (`1__0`, `1e_5`).
INT    : '0' [xX] [0-9a-fA-F_]* | '0' [bBoO] [0-9_]* | DIGITS ;
fragment DIGITS   : [0-9] [0-9_]* ;
fragment EXPONENT : [eE] [+-]? [0-9_]+ ;
STRING : '"' ( ~["\\\r\n] | '\\' . | '\\u{' [0-9a-fA-F]+ '}' )* '"' ;
// A string that reaches the end of its line: a token of its own so the error can say so.
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' . )* ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\uFEFF]+ -> skip ;   // U+FEFF: the byte-order mark some editors put first
// Reported as a syntax error with its position, not a lexer crash. The lexer reads UTF-16 units (as
// Truffle's source positions count): a character outside the BMP, an emoji, is a pair of them.
OTHER         : [\uD800-\uDBFF] [\uDC00-\uDFFF] | . ;
