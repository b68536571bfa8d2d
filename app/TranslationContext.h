#pragma once

// The one way the app layer's code outside a QObject (parsers, schedulers, value types) translates
// the text it shows: a file names its translation context once, as a class or namespace name the
// translators see ("app::slurm", "app::JobScript"),
//
//     constexpr app::Translator<"app::slurm"> tr;
//
// and then calls tr("...") as a QObject's code does. Whole sentences go through it, with %1
// placeholders for what varies; never a sentence glued from translated pieces.

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cstddef>

namespace app {

// A string literal usable as a template argument.
template<std::size_t N>
struct TranslationContext
{
    // NOLINTNEXTLINE(google-explicit-constructor): implicit, so that a literal can be the argument
    consteval TranslationContext(const char (&name)[N]) { std::copy_n(name, N, text); }
    char text[N];
};

template<TranslationContext Context>
struct Translator
{
    QString operator()(const char *sourceText, const char *disambiguation = nullptr, int n = -1) const
    {
        return QCoreApplication::translate(Context.text, sourceText, disambiguation, n);
    }
};

} // namespace app
