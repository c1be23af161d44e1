#pragma once

#include <QString>
#include <optional>
#include <utility>

// What a failed operation says, for `return Failure{tr("...")};` into any Result.
struct Failure
{
    QString error;
};

// The one way kashew's operations report failure: a value or the sentence saying why not.
// "Not found" is a value of its own (std::optional<T> as T), never an empty error string.
template <typename T> class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Failure failure)
        : m_error(std::move(failure.error))
    {}
    static Result failure(QString error)
    {
        Result result;
        result.m_error = std::move(error);
        return result;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
};

// An operation that gives nothing back but may fail.
template <> class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Failure failure)
        : m_failed(true)
        , m_error(std::move(failure.error))
    {}
    static Result failure(QString error)
    {
        Result result;
        result.m_failed = true;
        result.m_error = std::move(error);
        return result;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

using Status = Result<void>;
