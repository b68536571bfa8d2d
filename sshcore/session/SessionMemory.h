// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstddef>
#include <vector>

namespace sshcore::detail {

// The memory one libssh2 session allocates through (libssh2_session_init_ex). libssh2 allocates a
// buffer for every packet it receives and frees it once read, tens of thousands of times per GiB
// transferred; glibc's allocator gives freed memory at the top of the worker thread's arena back to
// the system and faults it in again on the next packet, which cost a bulk upload more CPU than its
// encryption. Blocks here are kept for reuse in power-of-two size classes, up to a bound, and are
// released only when the session's worker goes away. Used by one thread at a time, as the session.
//
// Only with the project's patched libssh2: the system's frees buffers it allocated through the
// session with free() or OpenSSL's free (ECDSA keys and signatures, packaging/libssh2/ecdsa-allocator.patch),
// so with it every block comes straight from malloc and goes back to free.
class SessionMemory
{
public:
    explicit SessionMemory(bool keep);
    ~SessionMemory();
    SessionMemory(const SessionMemory &) = delete;
    SessionMemory &operator=(const SessionMemory &) = delete;

    void *allocate(std::size_t size);
    void *reallocate(void *block, std::size_t size);
    void release(void *block);

    // The callbacks libssh2 calls, given the session's abstract pointer; memoryOf finds this object
    // in what that pointer points at.
    using Finder = SessionMemory *(*)(void **abstract);
    template<Finder memoryOf>
    struct Callbacks
    {
        static void *allocate(std::size_t size, void **abstract) { return memoryOf(abstract)->allocate(size); }
        static void *reallocate(void *block, std::size_t size, void **abstract)
        {
            return memoryOf(abstract)->reallocate(block, size);
        }
        static void release(void *block, void **abstract) { memoryOf(abstract)->release(block); }
    };

    // Kept for reuse now, in bytes (for tests and benchmarks).
    std::size_t keptBytes() const { return m_kept; }

    // Blocks up to 4 MiB are kept (libssh2's largest are its packets, up to about 256 KiB), at most
    // 32 MiB in all; larger ones go straight to the system.
    static constexpr int SmallestClass = 6; // 64 bytes
    static constexpr int LargestClass = 22; // 4 MiB
    static constexpr std::size_t KeptLimit = std::size_t(32) << 20;

private:
    struct Header;
    static int classOf(std::size_t size);

    const bool m_keep;
    std::vector<void *> m_free[LargestClass - SmallestClass + 1];
    std::size_t m_kept = 0;
};

} // namespace sshcore::detail
