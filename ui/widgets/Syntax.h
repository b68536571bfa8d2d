// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPalette>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace ui {

// The highlighting definitions clusterdesk uses: KSyntaxHighlighting's own, and the job-script one
// shipped in resources (resources/syntax/jobscript.xml: scheduler directives over Bash).
KSyntaxHighlighting::Repository &syntaxRepository();
// The name of the job-script definition.
QString jobScriptSyntax();
// Light or dark colours, as the palette is.
void applySyntaxTheme(KSyntaxHighlighting::SyntaxHighlighter *highlighter, const QPalette &palette);

} // namespace ui
