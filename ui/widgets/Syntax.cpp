// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/Syntax.h"

#include "ui/widgets/Palette.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace ui {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository *instance = [] {
        auto *repository = new KSyntaxHighlighting::Repository;
        repository->addCustomSearchPath(QStringLiteral(":/clusterdesk")); // its syntax/ folder
        return repository;
    }();
    return *instance;
}

QString jobScriptSyntax()
{
    return QStringLiteral("Job Script");
}

void applySyntaxTheme(KSyntaxHighlighting::SyntaxHighlighter *highlighter, const QPalette &palette)
{
    const auto kind = palette::isDark(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                               : KSyntaxHighlighting::Repository::LightTheme;
    const KSyntaxHighlighting::Theme theme = syntaxRepository().defaultTheme(kind);
    if (highlighter->theme().name() == theme.name())
        return;
    highlighter->setTheme(theme);
    highlighter->rehighlight();
}

} // namespace ui
