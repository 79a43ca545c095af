//
// nanoFramework.System.Security.Cryptography 1.0.43 on the virtual ESP32, over mbedTLS as on the ESP32 (there ESP-IDF's
// mbedTLS 3.x, here Debian's libmbedtls 2.28; the functions used are in both): HMACSHA256 and HMACSHA512 (the
// firmware's signed config uses HMACSHA256.HashData) and AES-128 in ECB and CBC without padding, with the ESP32
// native's rules: the data a multiple of 16 bytes, a 128-bit key.
//

#include <cstring>
#include <vector>

#include <mbedtls/cipher.h>
#include <mbedtls/md.h>

#include "nf_sys_sec_cryptography.h"

typedef Library_nf_sys_sec_cryptography_System_Security_Cryptography_Aes Aes;
typedef Library_nf_sys_sec_cryptography_System_Security_Cryptography_HMACSHA256 HmacSha256;
typedef Library_nf_sys_sec_cryptography_System_Security_Cryptography_HMACSHA512 HmacSha512;

namespace
{
const int AesBlockBytes = 16;

// HashCore(byte[] key, byte[] source): the HMAC of source, a new byte[] of the digest's size
HRESULT Hmac(CLR_RT_StackFrame &stack, mbedtls_md_type_t digest)
{
    NANOCLR_HEADER();

    const mbedtls_md_info_t *info = mbedtls_md_info_from_type(digest);
    CLR_RT_HeapBlock_Array *key = stack.Arg0().DereferenceArray();
    CLR_RT_HeapBlock_Array *source = stack.Arg1().DereferenceArray();
    CLR_RT_HeapBlock_Array *output;
    FAULT_ON_NULL_ARG(key);
    FAULT_ON_NULL_ARG(source);
    if (info == nullptr)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    stack.PushValueAndClear();
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(
        stack.TopValue(),
        mbedtls_md_get_size(info),
        g_CLR_RT_WellKnownTypes.m_UInt8));
    output = stack.TopValue().DereferenceArray();

    // one call: starts, update and finish, with the context freed inside
    if (mbedtls_md_hmac(
            info,
            key->GetFirstElement(),
            key->m_numOfElements,
            source->GetFirstElement(),
            source->m_numOfElements,
            output->GetFirstElement()) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    NANOCLR_NOCLEANUP();
}

// Aes's EncryptAes*/DecryptAes*(byte[] data) with the instance's _key and _iv: a new byte[] as long as data
HRESULT Crypt(CLR_RT_StackFrame &stack, mbedtls_cipher_type_t type, mbedtls_operation_t operation)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *self = stack.This();
    CLR_RT_HeapBlock_Array *key;
    CLR_RT_HeapBlock_Array *iv;
    CLR_RT_HeapBlock_Array *input;
    CLR_RT_HeapBlock_Array *output;
    const mbedtls_cipher_info_t *info = mbedtls_cipher_info_from_type(type);
    mbedtls_cipher_context_t context;
    std::vector<uint8_t> ivCopy; // mbedTLS updates the IV it is given
    std::vector<uint8_t> result;
    size_t written = 0;
    bool ok;
    mbedtls_cipher_init(&context);

    FAULT_ON_NULL(self);
    key = self[Aes::FIELD___key].DereferenceArray();
    if (key == nullptr)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_OPERATION);
    }

    iv = self[Aes::FIELD___iv].DereferenceArray();
    if (iv != nullptr)
    {
        ivCopy.assign(iv->GetFirstElement(), iv->GetFirstElement() + iv->m_numOfElements);
    }

    input = stack.Arg1().DereferenceArray();
    FAULT_ON_NULL_ARG(input);
    if (input->m_numOfElements % AesBlockBytes != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    stack.PushValueAndClear();
    NANOCLR_CHECK_HRESULT(
        CLR_RT_HeapBlock_Array::CreateInstance(stack.TopValue(), input->m_numOfElements, g_CLR_RT_WellKnownTypes.m_UInt8));
    output = stack.TopValue().DereferenceArray();

    if (info == nullptr || mbedtls_cipher_setup(&context, info) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    if (mbedtls_cipher_setkey(&context, key->GetFirstElement(), (int)key->m_numOfElements * 8, operation) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    if (type == MBEDTLS_CIPHER_AES_128_CBC)
    {
        mbedtls_cipher_set_padding_mode(&context, MBEDTLS_PADDING_NONE);
    }

    // room for mbedTLS's block of slack after the data
    result.resize(input->m_numOfElements + AesBlockBytes);
    ok = true;
    if (type == MBEDTLS_CIPHER_AES_128_ECB)
    {
        // ECB takes one block a call
        for (CLR_UINT32 at = 0; ok && at < input->m_numOfElements; at += AesBlockBytes)
        {
            size_t blockWritten = 0;
            ok = mbedtls_cipher_crypt(
                     &context,
                     nullptr,
                     0,
                     input->GetElement(at),
                     AesBlockBytes,
                     &result[at],
                     &blockWritten) == 0;
            written += blockWritten;
        }
    }
    else
    {
        ok = mbedtls_cipher_crypt(
                 &context,
                 ivCopy.empty() ? nullptr : ivCopy.data(),
                 ivCopy.size(),
                 input->GetFirstElement(),
                 input->m_numOfElements,
                 result.data(),
                 &written) == 0;
    }

    if (!ok || written != input->m_numOfElements)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    memcpy(output->GetFirstElement(), result.data(), input->m_numOfElements);

    NANOCLR_CLEANUP();

    mbedtls_cipher_free(&context);

    NANOCLR_CLEANUP_END();
}
} // namespace

HRESULT HmacSha256::HashCore___STATIC__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Hmac(stack, MBEDTLS_MD_SHA256);
}

HRESULT HmacSha512::HashCore___STATIC__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Hmac(stack, MBEDTLS_MD_SHA512);
}

HRESULT Aes::EncryptAesEcb___SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Crypt(stack, MBEDTLS_CIPHER_AES_128_ECB, MBEDTLS_ENCRYPT);
}

HRESULT Aes::DecryptAesEcb___SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Crypt(stack, MBEDTLS_CIPHER_AES_128_ECB, MBEDTLS_DECRYPT);
}

HRESULT Aes::EncryptAesCbc___SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Crypt(stack, MBEDTLS_CIPHER_AES_128_CBC, MBEDTLS_ENCRYPT);
}

HRESULT Aes::DecryptAesCbc___SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    return Crypt(stack, MBEDTLS_CIPHER_AES_128_CBC, MBEDTLS_DECRYPT);
}
