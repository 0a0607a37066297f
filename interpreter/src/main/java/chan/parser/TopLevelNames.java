package chan.parser;

import chan.grammar.ChanParser.ConstStmtContext;
import chan.grammar.ChanParser.FuncDeclContext;
import chan.grammar.ChanParser.ProgramContext;
import chan.grammar.ChanParser.TopDeclContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's top-level consts (in source order) and named functions, each by its name, the first
 * declaration of a name where it is given twice (the second is the duplicate-declaration error).
 * What the order of consts ({@link ConstOrder}) and their cycles ({@link ConstCycles}) are read from.
 */
record TopLevelNames(Map<String, ConstStmtContext> consts, Map<String, FuncDeclContext> functions) {
    static TopLevelNames of(ProgramContext program) {
        Map<String, ConstStmtContext> consts = new LinkedHashMap<>();
        Map<String, FuncDeclContext> functions = new HashMap<>();
        for (TopDeclContext top : program.topDecl()) {
            if (top.statement() instanceof ConstStmtContext c) {
                consts.putIfAbsent(c.name().getText(), c);
            } else if (top.funcDecl() != null) {
                functions.putIfAbsent(top.funcDecl().fnName.getText(), top.funcDecl());
            }
        }
        return new TopLevelNames(consts, functions);
    }
}
